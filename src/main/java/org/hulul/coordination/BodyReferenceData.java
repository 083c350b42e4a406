package org.hulul.coordination;

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
 * On first start, adds the bodies the terms of reference and the minutes name (shipped in
 * {@code reference/bodies.csv}): the DSTF, the DSTWG with its 24 seats and its leads, the
 * RWG, the Monitoring & Analysis and HLP subgroups, the Facilitated Movements task group,
 * with the reporting lines the terms of reference draw. Leads are recorded where the
 * documents name them; the secretariat records the rest.
 */
@Component
@Order(36)
class BodyReferenceData implements ApplicationRunner {

	static final String FILE = "reference/bodies.csv";

	private final Bodies bodies;

	BodyReferenceData(Bodies bodies) {
		this.bodies = bodies;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.bodies.find(TermsOfReference.DSTWG).isPresent()) {
			return; // loaded before (area groups may be there already: they follow the
					// areas)
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
				StandardCharsets.UTF_8)) {
			for (CSVRecord row : format.parse(reader)) {
				List<Body.Lead> leads = new ArrayList<>();
				for (String lead : row.get("leads").split("\\|")) {
					if (!lead.isBlank()) {
						String[] parts = lead.split(":");
						leads.add(new Body.Lead(LeadRole.valueOf(parts[0]), parts[1]));
					}
				}
				this.bodies.seed(row.get("code"), row.get("name_en"), row.get("name_ar"),
						BodyKind.valueOf(row.get("kind")), blank(row.get("reports_to")),
						blank(row.get("seats")) == null ? null : Integer.valueOf(row.get("seats")),
						blank(row.get("purpose")), leads);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static @org.jspecify.annotations.Nullable String blank(String text) {
		return text.isBlank() ? null : text.strip();
	}

}
