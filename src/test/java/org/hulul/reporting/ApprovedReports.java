package org.hulul.reporting;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collects the ReportApproved events the application publishes, whatever thread approves.
 */
@Component
class ApprovedReports {

	private final List<ReportApproved> received = new CopyOnWriteArrayList<>();

	@EventListener
	void on(ReportApproved event) {
		this.received.add(event);
	}

	List<ReportApproved> received() {
		return this.received;
	}

}
