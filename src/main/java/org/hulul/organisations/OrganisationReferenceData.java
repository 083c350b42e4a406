package org.hulul.organisations;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start, adds the organisations the coordination documents name (shipped in
 * {@code reference/organisations.csv}): organisations only, never people.
 */
@Component
@Order(20)
class OrganisationReferenceData implements ApplicationRunner {

	static final String FILE = "reference/organisations.csv";

	private final Organisations organisations;

	OrganisationReferenceData(Organisations organisations) {
		this.organisations = organisations;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.organisations.count() > 0) {
			return;
		}
		read().forEach((details) -> this.organisations.create(details, false));
	}

	static List<OrganisationDetails> read() {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
				StandardCharsets.UTF_8)) {
			List<OrganisationDetails> all = new ArrayList<>();
			for (CSVRecord row : format.parse(reader)) {
				all.add(new OrganisationDetails(row.get("code"), row.get("name_en"), row.get("name_ar"),
						OrganisationType.valueOf(row.get("type")),
						Arrays.stream(row.get("programming").split("\\|"))
							.filter((tag) -> !tag.isBlank())
							.map((tag) -> Programming.valueOf(tag.strip()))
							.collect(Collectors.toSet())));
			}
			return all;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
