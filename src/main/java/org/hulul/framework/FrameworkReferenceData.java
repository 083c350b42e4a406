package org.hulul.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start, loads the default framework (the DSTWG Monitoring and Reporting
 * Guidelines, shipped as framework/dstwg-2025.yaml) as its first published version.
 */
@Component
@Order(25)
class FrameworkReferenceData implements ApplicationRunner {

	static final String FILE = "framework/dstwg-2025.yaml";

	private final FrameworkRepository repository;

	private final FrameworkDocuments documents;

	private final AuditLog audit;

	private final Clock clock;

	FrameworkReferenceData(FrameworkRepository repository, FrameworkDocuments documents, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.documents = documents;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.repository.count() > 0) {
			return;
		}
		FrameworkDefinition definition;
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			definition = this.documents.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long id = this.repository.insert(definition, this.documents.toJson(definition),
				FrameworkVersion.Status.PUBLISHED, null, this.clock.instant(), AuditLog.SYSTEM);
		this.audit.record(AuditAction.IMPORT, "framework", id,
				AuditLog.summary("audit.summary.frameworkLoaded", definition.code(), definition.version()), null,
				Map.of("code", definition.code(), "version", definition.version(), "indicators",
						definition.indicators().count()));
	}

}
