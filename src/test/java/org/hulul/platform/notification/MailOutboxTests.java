package org.hulul.platform.notification;

import java.time.Clock;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mail server configured the outbox attempts nothing: it does not even read the
 * database (which here has no connection, so any query would fail).
 */
class MailOutboxTests {

	@Test
	void withoutAMailServerNothingIsAttempted() {
		MailOutbox outbox = new MailOutbox(new NotificationRepository(DSL.using(SQLDialect.H2)),
				new NotificationText(new StaticMessageSource(), JsonMapper.builder().build()),
				new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), Clock.systemUTC(),
				"hulul@localhost", "http://localhost:8080/");
		assertThat(outbox.sendPending()).isZero();
	}

}
