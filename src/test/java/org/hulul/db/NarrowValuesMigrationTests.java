package org.hulul.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V9 moves report values to integer keys and a save's value changes to one history row:
 * values and history written under V8 are all there after it, on H2 and on PostgreSQL (in
 * a schema of its own, so the suite's schema is not touched).
 */
class NarrowValuesMigrationTests {

	private static final boolean POSTGRES = "postgres".equalsIgnoreCase(System.getProperty("hulul.test.db", "h2"));

	@Test
	void valuesAndTheirHistoryOutliveTheMove() throws SQLException {
		String url = POSTGRES ? "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=v9_migration"
				: "jdbc:h2:file:./target/v9-migration/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		String user = POSTGRES ? "postgres" : "sa";
		var configuration = Flyway.configure()
			.dataSource(url, user, "")
			.locations("classpath:db/migration/common")
			.cleanDisabled(false);
		if (POSTGRES) {
			configuration = configuration.schemas("v9_migration").createSchemas(true);
		}
		configuration.load().clean();
		configuration.target("8").load().migrate();
		try (Connection db = DriverManager.getConnection(url, user, "")) {
			Statement sql = db.createStatement();
			sql.execute("insert into organisation (code, code_key, name_en, type, created_at, updated_at) "
					+ "values ('MIG', 'MIG', 'Migration partner', 'NATIONAL_NGO', current_timestamp, current_timestamp)");
			sql.execute(
					"insert into location (pcode, admin_level, name_en, name_ar) values ('IQG01', 1, 'Anbar', 'الأنبار')");
			sql.execute("insert into framework_version (framework_code, version_label, status, definition, created_at, "
					+ "created_by) values ('dstwg', 'v1', 'PUBLISHED', '{}', current_timestamp, 'admin')");
			sql.execute(
					"insert into report (organisation_id, period, framework_version_id, status, created_at, updated_at) "
							+ "select o.id, '2025Q2', f.id, 'DRAFT', current_timestamp, current_timestamp "
							+ "from organisation o, framework_version f");
			sql.execute("insert into report_value (report_id, indicator_code, location_pcode, population_group, "
					+ "disaggregation, amount, comment) select id, 'SO1-01', 'IQG01', 'idp', 'sex=female', 12, "
					+ "'tab\there' from report");
			sql.execute("insert into report_value (report_id, indicator_code, location_pcode, population_group, "
					+ "disaggregation, amount) select id, 'SO1-01', 'IQG01', 'idp', '', 20 from report");
			for (String[] event : new String[][] { { "SO1-01 IQG01 idp sex=female", null, "12" },
					{ "SO1-01 IQG01 idp", "18", "20" } }) {
				sql.execute("insert into report_event (report_id, occurred_at, actor, kind, line_key, old_value, "
						+ "new_value) select id, timestamp with time zone '2025-05-01 10:00:00+00', 'reporter', 'VALUE', '"
						+ event[0] + "', " + ((event[1] != null) ? "'" + event[1] + "'" : "null") + ", '" + event[2]
						+ "' from report");
			}
			sql.execute("insert into report_event (report_id, occurred_at, actor, kind, from_status, to_status) "
					+ "select id, timestamp with time zone '2025-05-02 10:00:00+00', 'reporter', 'STATUS', 'DRAFT', "
					+ "'SUBMITTED' from report");
		}
		configuration.target("latest").load().migrate();
		try (Connection db = DriverManager.getConnection(url, user, "")) {
			assertThat(rows(db,
					"select i.code, l.code, g.code, b.code, v.amount, v.comment from report_value v "
							+ "join line_term i on i.id = v.indicator_id join line_term l on l.id = v.location_id "
							+ "join line_term g on g.id = v.group_id join line_term b on b.id = v.breakdown_id "
							+ "order by b.code"))
				.containsExactly("SO1-01|IQG01|idp||20.0000|null", "SO1-01|IQG01|idp|sex=female|12.0000|tab\there");
			assertThat(rows(db, "select kind, changes, to_status from report_event order by occurred_at, id"))
				.containsExactly("VALUE|SO1-01 IQG01 idp sex=female\t\t12\nSO1-01 IQG01 idp\t18\t20|null",
						"STATUS|null|SUBMITTED");
		}
		if (POSTGRES) {
			configuration.load().clean();
		}
	}

	private static List<String> rows(Connection db, String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet result = db.createStatement().executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					cells.add(String.valueOf(result.getString(i)));
				}
				rows.add(String.join("|", cells));
			}
		}
		return rows;
	}

}
