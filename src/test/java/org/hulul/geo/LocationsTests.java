package org.hulul.geo;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationsTests {

	private final Locations locations = new Locations(new LocationRepository(null) {
		@Override
		List<Location> all() {
			return List.of(new Location("IQG01", 1, "Al-Anbar", "الانبار", null),
					new Location("IQG01Q01", 2, "Al-Falluja", "الفلوجة", "IQG01"),
					new Location("IQG01Q01N01", 3, "Al-Amirya", "العامرية", "IQG01Q01"),
					new Location("IQG15", 1, "Ninewa", "نينوى", null),
					new Location("IQG15Q07", 2, "Sinjar", "سنجار", "IQG15"));
		}
	});

	@Test
	void findsByPCodePrefixFirst() {
		assertThat(this.locations.search("iqg01q", 10)).extracting(Location::pcode)
			.containsExactly("IQG01Q01", "IQG01Q01N01");
	}

	@Test
	void findsByEnglishNameIgnoringCaseAndPunctuation() {
		assertThat(this.locations.search("anbar", 10)).extracting(Location::pcode).containsExactly("IQG01");
		assertThat(this.locations.search("AL FALLUJA", 10)).extracting(Location::pcode).containsExactly("IQG01Q01");
	}

	@Test
	void findsArabicNamesWhateverTheSpellingOfAlefAndTehMarbuta() {
		// the data writes الانبار and الفلوجة; users often type الأنبار and الفلوجه
		assertThat(this.locations.search("الأنبار", 10)).extracting(Location::pcode).containsExactly("IQG01");
		assertThat(this.locations.search("الفلوجه", 10)).extracting(Location::pcode).containsExactly("IQG01Q01");
	}

	@Test
	void pathRunsFromTheGovernorateDown() {
		Location amirya = this.locations.find("iqg01q01n01").orElseThrow();
		assertThat(this.locations.path(amirya)).extracting(Location::pcode)
			.containsExactly("IQG01", "IQG01Q01", "IQG01Q01N01");
		assertThat(this.locations.children("IQG15")).extracting(Location::nameEn).containsExactly("Sinjar");
	}

	@Test
	void aBlankQueryFindsNothing() {
		assertThat(this.locations.search("  - ", 10)).isEmpty();
	}

}
