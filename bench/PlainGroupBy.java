import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The analytics benchmark's questions asked of the database directly: a plain SQL GROUP BY
 * over the raw report values (approved reports, line totals), joined to the codes and
 * the location tree, timed after warm-up. It answers the same question as the analytics
 * pivot (sums only: no per-indicator rules), to show what the in-memory columns buy.
 *
 *   java -cp h2.jar:postgresql.jar bench/PlainGroupBy.java JDBC-URL USER RUNS GOVERNORATE
 */
public class PlainGroupBy {

	static final String FROM = """
			from report_value v
			join report r on r.id = v.report_id and r.status = 'APPROVED'
			join line_term i on i.id = v.indicator_id
			join line_term l on l.id = v.location_id
			join line_term b on b.id = v.breakdown_id and b.code = ''
			join organisation o on o.id = r.organisation_id
			join location loc on loc.pcode = l.code
			left join location up on up.pcode = loc.parent_pcode
			left join location top on top.pcode = up.parent_pcode
			""";

	static final String ADM1 = "case loc.admin_level when 1 then loc.pcode when 2 then up.pcode else top.pcode end";

	static final String ADM2 = "case loc.admin_level when 2 then loc.pcode when 3 then up.pcode end";

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int runs = Integer.parseInt(args[2]);
		String governorate = args[3];
		String national = "select substring(i.code, 1, position('-' in i.code) - 1) as objective, " + ADM1
				+ " as adm1, r.period, sum(coalesce(v.amount, v.numerator)) " + FROM + " group by 1, 2, 3";
		String district = "select " + ADM2 + " as adm2, i.code, o.code, sum(coalesce(v.amount, v.numerator)) " + FROM
				+ " where " + ADM1 + " = '" + governorate + "' group by 1, 2, 3";
		try (Connection db = DriverManager.getConnection(url, args[1], "")) {
			if (url.startsWith("jdbc:postgresql:")) {
				// fresh statistics after the bulk load, or the planner nests loops over millions of rows
				db.createStatement().execute("ANALYZE");
			}
			if (url.startsWith("jdbc:h2:")) {
				// else H2 hands back the result of the same query while no table changed
				db.createStatement().execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
			}
			time(db, "national (SO x governorate x quarter)", national, runs);
			time(db, "district x indicator x organisation in " + governorate, district, runs);
		}
	}

	static void time(Connection db, String name, String sql, int runs) throws Exception {
		List<Double> times = new ArrayList<>();
		int rows = 0;
		for (int run = 0; run < runs + 2; run++) {
			long start = System.nanoTime();
			rows = 0;
			try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
				while (result.next()) {
					rows++;
				}
			}
			if (run >= 2) {
				times.add((System.nanoTime() - start) / 1e6);
			}
		}
		Collections.sort(times);
		System.out.printf("plain GROUP BY, %s: %d rows; median %.0f ms, p95 %.0f ms (%d runs)%n", name, rows,
				times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1), runs);
	}

}
