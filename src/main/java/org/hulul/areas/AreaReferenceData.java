package org.hulul.areas;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start, adds the Joint Coordination Forums the coordination documents name
 * (Al-Anbar, Diyala, Kirkuk, Ninewa, Salah Al-Din; shipped in
 * {@code reference/areas.csv}), each covering its governorate, with no group recorded:
 * the secretariat fills in co-chairs and arrangements.
 */
@Component
@Order(35)
class AreaReferenceData implements ApplicationRunner {

	static final String FILE = "reference/areas.csv";

	private final Areas areas;

	AreaReferenceData(Areas areas) {
		this.areas = areas;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.areas.all().isEmpty()) {
			return;
		}
		read().forEach(this.areas::seed);
	}

	static List<Areas.Entered> read() {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
				StandardCharsets.UTF_8)) {
			List<Areas.Entered> all = new ArrayList<>();
			for (CSVRecord row : format.parse(reader)) {
				all.add(new Areas.Entered(row.get("code"), row.get("name_en"), row.get("name_ar"), row.get("type"),
						"ACTIVE", List.of(row.get("locations").split("\\|")), List.of(), List.of(), List.of()));
			}
			return all;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
