package org.hulul.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hulul.db.Tables.LINE_TERM;

/**
 * The codes report values are keyed by (indicator codes, p-codes, population groups,
 * breakdowns), each interned once as a small integer in {@code line_term}, so a value's
 * key is four integers instead of four strings. Terms are never changed or deleted, so
 * what this cache holds stays true; a term another instance added is read when first met.
 */
@Component
class LineTerms {

	enum Kind {

		INDICATOR('I'), LOCATION('L'), GROUP('G'), BREAKDOWN('B');

		final String letter;

		Kind(char letter) {
			this.letter = String.valueOf(letter);
		}

	}

	private final DSLContext db;

	/**
	 * New terms are committed on their own: an import that fails must not leave the cache
	 * ahead of the database.
	 */
	private final TransactionTemplate separately;

	private final Map<String, Integer> ids = new ConcurrentHashMap<>();

	private final Map<Integer, String> codes = new ConcurrentHashMap<>();

	private volatile boolean loaded;

	LineTerms(DSLContext db, PlatformTransactionManager transactions) {
		this.db = db;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The integer of each code, adding the codes met for the first time. */
	Map<String, Integer> ids(Kind kind, Collection<String> wanted) {
		load();
		Map<String, Integer> found = new HashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		for (String code : wanted) {
			Integer id = this.ids.get(kind.letter + code);
			if (id != null) {
				found.put(code, id);
			}
			else {
				missing.add(code);
			}
		}
		if (!missing.isEmpty()) {
			List<String> adding = new ArrayList<>(missing);
			this.separately.executeWithoutResult((status) -> {
				for (String code : adding) {
					this.db.insertInto(LINE_TERM, LINE_TERM.KIND, LINE_TERM.CODE)
						.values(kind.letter, code)
						.onConflictDoNothing()
						.execute();
				}
			});
			for (int from = 0; from < adding.size(); from += 1000) {
				this.db.select(LINE_TERM.ID, LINE_TERM.CODE)
					.from(LINE_TERM)
					.where(LINE_TERM.KIND.eq(kind.letter))
					.and(LINE_TERM.CODE.in(adding.subList(from, Math.min(adding.size(), from + 1000))))
					.forEach((r) -> found.put(r.value2(), remember(kind.letter, r.value2(), r.value1())));
			}
		}
		return found;
	}

	/** The integer of a code that was saved before, or null when it never was. */
	@org.jspecify.annotations.Nullable
	Integer existing(Kind kind, String code) {
		load();
		Integer id = this.ids.get(kind.letter + code);
		if (id == null) {
			id = this.db.select(LINE_TERM.ID)
				.from(LINE_TERM)
				.where(LINE_TERM.KIND.eq(kind.letter))
				.and(LINE_TERM.CODE.eq(code))
				.fetchOne(LINE_TERM.ID);
			if (id != null) {
				remember(kind.letter, code, id);
			}
		}
		return id;
	}

	/** The code of an integer read from a report value. */
	String code(int id) {
		load();
		String code = this.codes.get(id);
		if (code == null) {
			var row = this.db.selectFrom(LINE_TERM).where(LINE_TERM.ID.eq(id)).fetchSingle();
			remember(row.getKind(), row.getCode(), id);
			code = row.getCode();
		}
		return code;
	}

	private void load() {
		if (!this.loaded) {
			synchronized (this) {
				if (!this.loaded) {
					this.db.selectFrom(LINE_TERM).forEach((r) -> remember(r.getKind(), r.getCode(), r.getId()));
					this.loaded = true;
				}
			}
		}
	}

	private int remember(String kind, String code, int id) {
		this.ids.put(kind + code, id);
		this.codes.put(id, code);
		return id;
	}

}
