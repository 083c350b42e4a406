package org.hulul.analytics;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Codes (p-codes, indicator codes, periods …) numbered in the order they are met. Only
 * ever grows, so the numbers held in the columns stay valid; read without locking.
 */
final class Dictionary {

	private final Map<String, Integer> ids = new ConcurrentHashMap<>();

	private volatile String[] values = new String[0];

	int id(String value) {
		Integer id = this.ids.get(value);
		return (id != null) ? id : add(value);
	}

	/** The number of a code, or -1 when it was never met. */
	int find(String value) {
		Integer id = this.ids.get(value);
		return (id != null) ? id : -1;
	}

	private synchronized int add(String value) {
		Integer id = this.ids.get(value);
		if (id == null) {
			String[] grown = Arrays.copyOf(this.values, this.values.length + 1);
			grown[grown.length - 1] = value;
			this.values = grown;
			id = grown.length - 1;
			this.ids.put(value, id);
		}
		return id;
	}

	String value(int id) {
		return this.values[id];
	}

	int size() {
		return this.values.length;
	}

}
