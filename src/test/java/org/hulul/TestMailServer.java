package org.hulul;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) for the one application context the integration tests
 * share: {@code spring.mail.host} is set in application-test.yml, the port, free on this
 * machine, here. The port stays the same when a test stops and starts the server to see
 * the application live through a mail server that is down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	@Bean
	DynamicPropertyRegistrar mailServerPort(GreenMail greenMail) {
		return (registry) -> registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
