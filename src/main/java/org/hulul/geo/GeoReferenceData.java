package org.hulul.geo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the OCHA COD-AB administrative tree of Iraq (shipped in {@code geo/}) on first
 * start, in one transaction.
 */
@Component
@Order(10)
class GeoReferenceData implements ApplicationRunner {

	static final String[] FILES = { "geo/iraq-adm1.csv", "geo/iraq-adm2.csv", "geo/iraq-adm3.csv" };

	private final LocationRepository repository;

	private final Locations locations;

	private final AuditLog audit;

	GeoReferenceData(LocationRepository repository, Locations locations, AuditLog audit) {
		this.repository = repository;
		this.locations = locations;
		this.audit = audit;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.repository.count() > 0) {
			return;
		}
		List<Location> all = new ArrayList<>();
		for (int level = 1; level <= FILES.length; level++) {
			all.addAll(read(FILES[level - 1], level));
		}
		this.repository.insertAll(all);
		this.locations.reload();
		this.audit.record(AuditAction.IMPORT, "location", "COD-AB",
				AuditLog.summary("audit.summary.locationsLoaded", all.size()), null,
				Map.of("governorates", count(all, 1), "districts", count(all, 2), "subDistricts", count(all, 3)));
	}

	static List<Location> read(String resource, int level) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8)) {
			List<Location> locations = new ArrayList<>();
			for (CSVRecord row : format.parse(reader)) {
				PCode pcode = new PCode(row.get("pcode"));
				if (pcode.level() != level) {
					throw new IllegalStateException(resource + " row " + row.getRecordNumber() + ": p-code " + pcode
							+ " is not of level " + level);
				}
				String parent = switch (level) {
					case 1 -> null;
					case 2 -> row.get("adm1_pcode");
					default -> row.get("adm2_pcode");
				};
				locations.add(new Location(pcode.value(), level, row.get("name_en").strip(), row.get("name_ar").strip(),
						parent));
			}
			return locations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long count(List<Location> all, int level) {
		return all.stream().filter((l) -> l.level() == level).count();
	}

}
