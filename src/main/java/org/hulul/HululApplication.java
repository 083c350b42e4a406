package org.hulul;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Hulul: the information system of Iraq's durable-solutions coordination.
 */
@SpringBootApplication
public class HululApplication {

	public static void main(String[] args) {
		SpringApplication.run(HululApplication.class, args);
	}

}
