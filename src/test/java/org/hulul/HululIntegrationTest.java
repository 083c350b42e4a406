package org.hulul;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on H2 or PostgreSQL (see TestProfiles). Every
 * integration test uses exactly this, so they all share one application context, one
 * database and one SMTP server (see TestMailServer): tests create their own uniquely
 * named data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
@Import({ TestDatabase.class, TestMailServer.class })
public @interface HululIntegrationTest {

	/** The administrator's password in tests (application-test.yml). */
	String ADMIN_PASSWORD = "admin-test-password";

}
