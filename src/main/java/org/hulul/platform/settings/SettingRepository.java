package org.hulul.platform.settings;

import java.util.Optional;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.SETTING;

/**
 * Name-value settings the application keeps about itself.
 */
@Repository
public class SettingRepository {

	private final DSLContext db;

	SettingRepository(DSLContext db) {
		this.db = db;
	}

	public Optional<String> find(String name) {
		return this.db.select(SETTING.SETTING_VALUE)
			.from(SETTING)
			.where(SETTING.NAME.eq(name))
			.fetchOptional(SETTING.SETTING_VALUE);
	}

	public void put(String name, String value) {
		this.db.mergeInto(SETTING)
			.using(this.db.selectOne())
			.on(SETTING.NAME.eq(name))
			.whenMatchedThenUpdate()
			.set(SETTING.SETTING_VALUE, value)
			.whenNotMatchedThenInsert(SETTING.NAME, SETTING.SETTING_VALUE)
			.values(name, value)
			.execute();
	}

}
