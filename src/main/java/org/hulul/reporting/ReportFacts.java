package org.hulul.reporting;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports and their lines as analytics reads them: every report's status and version (to
 * see what changed since it last looked), and a report's lines. No permission check here:
 * analytics takes only approved and submitted reports and filters what it shows by who
 * asks.
 */
@Component
public class ReportFacts {

	private final ReportingRepository repository;

	ReportFacts(ReportingRepository repository) {
		this.repository = repository;
	}

	/** Every report, whatever its status. */
	@Transactional(readOnly = true)
	public List<Report> reports() {
		return this.repository.reports(null, null);
	}

	/** A report's lines, in reading order. */
	@Transactional(readOnly = true)
	public List<ReportLine> lines(long reportId) {
		return this.repository.lines(reportId);
	}

}
