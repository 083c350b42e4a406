package org.hulul.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Programming;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails the build on user-facing text that is not in the message bundles, on a key used
 * but missing from a bundle, and on bundles whose keys differ.
 */
class I18nTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final List<String> LANGUAGES = List.of("", "_ar", "_ckb");

	/** Text between tags: whatever holds a letter must come from a bundle. */
	private static final Pattern TEXT = Pattern.compile(">([^<>]*)<");

	/** Attributes people read, written literally instead of with th:. */
	private static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("\\s(placeholder|title|alt|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.-]+)");

	private static final Pattern MSG_CALL = Pattern.compile("#messages\\.msg\\('([\\w.-]+)'\\)");

	/**
	 * Where Java hands a message key to the pages or the API: every such key must exist.
	 */
	private static final Pattern JAVA_KEY_CALL = Pattern.compile("(?:FieldProblem\\(\"\\w+\",\\s*"
			+ "|InvalidInputException\\.of\\(\"\\w+\",\\s*|\\.reject\\(|AuditLog\\.summary\\("
			+ "|addFlashAttribute\\(\"\\w+\",\\s*|problem\\([^\"]*)\"([a-zA-Z][\\w.]+)\"");

	/**
	 * A Java string literal shaped like a message key: checked when its first part is a
	 * bundle's.
	 */
	private static final Pattern AUDITED = Pattern
		.compile("(?:static final String ENTITY = |audit\\.record\\(AuditAction\\.[A-Z]+, )\"([a-z_]+)\"");

	private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9_]+)+)\"");

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script[^>]*>.*?</script>", "<script></script>")
				.replaceAll("(?s)<style[^>]*>.*?</style>", "<style></style>");
			Matcher text = TEXT.matcher(html);
			while (text.find()) {
				String content = text.group(1).replaceAll("&\\w+;", "").strip();
				if (content.codePoints().anyMatch(Character::isLetter) && !replacedByThymeleaf(html, text.start())) {
					problems.add(TEMPLATES.relativize(template) + ": \"" + content + "\"");
				}
			}
			Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
			while (attribute.find()) {
				problems.add(
						TEMPLATES.relativize(template) + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
			}
		}
		assertThat(problems).as("hard-coded text in templates: use th:text=\"#{key}\"").isEmpty();
	}

	@Test
	void everyKeyUsedIsInEveryBundle() throws IOException {
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			String html = Files.readString(template);
			collect(MESSAGE_KEY, html, used);
			collect(MSG_CALL, html, used);
		}
		Set<String> prefixes = new TreeSet<>();
		bundle("").stringPropertyNames().forEach((key) -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
		Set<String> javaKeys = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((p) -> p.toString().endsWith(".java")).toList()) {
				collect(JAVA_KEY, Files.readString(source), javaKeys);
			}
		}
		javaKeys.stream().filter((key) -> prefixes.contains(key.substring(0, key.indexOf('.') + 1))).forEach(used::add);
		Set<String> calledKeys = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((p) -> p.toString().endsWith(".java")).toList()) {
				collect(JAVA_KEY_CALL, Files.readString(source), calledKeys);
			}
		}
		assertThat(calledKeys).contains("user.error.usernameTaken", "audit.summary.userLocked", "api.error.locked",
				"organisation.created", "error.staleEdit");
		used.addAll(calledKeys);
		assertThat(used).contains("audit.summary.userCreated", "user.error.usernameTaken", "error.staleEdit");
		for (Role role : Role.values()) {
			used.add(role.labelKey());
			used.add(role.labelKey() + ".description");
		}
		for (OrganisationType type : OrganisationType.values()) {
			used.add(type.labelKey());
		}
		for (Programming programming : Programming.values()) {
			used.add(programming.labelKey());
		}
		for (AuditAction action : AuditAction.values()) {
			used.add("audit.action." + action.name());
		}
		for (int level = 1; level <= 3; level++) {
			used.add("location.level." + level);
		}
		for (org.hulul.framework.ValueType type : org.hulul.framework.ValueType.values()) {
			used.add("framework.valueType." + type.name());
		}
		for (org.hulul.framework.Aggregation aggregation : org.hulul.framework.Aggregation.values()) {
			used.add("framework.aggregation." + aggregation.name());
			used.add("framework.aggregation." + aggregation.name() + ".help");
		}
		for (org.hulul.framework.FrameworkVersion.Status status : org.hulul.framework.FrameworkVersion.Status
			.values()) {
			used.add("framework.status." + status.name());
		}
		for (org.hulul.reporting.PeriodDates.Phase phase : org.hulul.reporting.PeriodDates.Phase.values()) {
			used.add("calendar.phase." + phase.name());
		}
		for (org.hulul.reporting.ReportStatus status : org.hulul.reporting.ReportStatus.values()) {
			used.add("report.status." + status.name());
		}
		for (org.hulul.reporting.LineProblem.Severity severity : org.hulul.reporting.LineProblem.Severity.values()) {
			used.add("report.severity." + severity.name());
		}
		for (org.hulul.reporting.Compliance.State state : org.hulul.reporting.Compliance.State.values()) {
			used.add("compliance.state." + state.name());
		}
		for (int criterion = 1; criterion <= 8; criterion++) {
			used.add("iasc." + criterion);
		}
		// the audit log names every type of record it holds
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((p) -> p.toString().endsWith(".java")).toList()) {
				Matcher entity = AUDITED.matcher(Files.readString(source));
				while (entity.find()) {
					used.add("audit.entity." + entity.group(1));
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(100);
		for (String language : LANGUAGES) {
			Set<String> keys = bundle(language).stringPropertyNames();
			assertThat(used).as("keys missing from messages%s.properties", language).isSubsetOf(keys);
		}
	}

	@Test
	void bundlesHaveTheSameKeysAndNoEmptyValues() throws IOException {
		Properties english = bundle("");
		for (String language : LANGUAGES) {
			Properties bundle = bundle(language);
			assertThat(bundle.stringPropertyNames()).as("keys of messages%s.properties", language)
				.isEqualTo(english.stringPropertyNames());
			assertThat(bundle.stringPropertyNames()).filteredOn((key) -> bundle.getProperty(key).isBlank())
				.as("empty values in messages%s.properties", language)
				.isEmpty();
		}
	}

	@Test
	void translationsKeepTheirPlaceholders() throws IOException {
		Properties english = bundle("");
		Pattern placeholder = Pattern.compile("\\{\\d}");
		for (String language : List.of("_ar", "_ckb")) {
			Properties bundle = bundle(language);
			for (String key : english.stringPropertyNames()) {
				Set<String> expected = new TreeSet<>();
				collectAll(placeholder, english.getProperty(key), expected);
				Set<String> actual = new TreeSet<>();
				collectAll(placeholder, bundle.getProperty(key, ""), actual);
				assertThat(actual).as("placeholders of %s in messages%s.properties", key, language).isEqualTo(expected);
			}
		}
	}

	/**
	 * True when the tag just before the text replaces its body (th:text, th:utext,
	 * th:errors).
	 */
	private static boolean replacedByThymeleaf(String html, int textStart) {
		int tagStart = html.lastIndexOf('<', textStart);
		String tag = html.substring(tagStart, textStart + 1);
		return !tag.startsWith("</")
				&& (tag.contains("th:text=") || tag.contains("th:utext=") || tag.contains("th:errors="));
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> all = files.filter((p) -> p.toString().endsWith(".html")).sorted().toList();
			assertThat(all).isNotEmpty();
			return all;
		}
	}

	private static Properties bundle(String language) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("messages" + language + ".properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static void collect(Pattern pattern, String text, Set<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	private static void collectAll(Pattern pattern, String text, Set<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group());
		}
	}

}
