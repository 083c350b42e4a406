package org.hulul.platform.account;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Hulul where it is and how to sign in, on every start.
 */
@Component
class ReadyMessage {

	private static final Log logger = LogFactory.getLog(ReadyMessage.class);

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			logger.info("Hulul is ready: open http://localhost:" + web.getWebServer().getPort() + "/ and sign in as '"
					+ FirstAdministrator.USERNAME
					+ "' (password: HULUL_ADMIN_PASSWORD, or the one-time password printed on first start)");
		}
	}

}
