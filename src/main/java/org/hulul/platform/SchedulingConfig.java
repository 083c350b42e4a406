package org.hulul.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the scheduled jobs (the e-mail outbox, the deadline reminders) unless
 * {@code hulul.scheduling.enabled} is false, as in the tests, which run them by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "hulul.scheduling.enabled", matchIfMissing = true)
class SchedulingConfig {

}
