package org.hulul.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hulul.reporting.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DHIS2 data value sets in JSON and CSV, and DHIS2 and ADX periods.
 */
class Dhis2ReadersTests {

	@Test
	void theJsonSamplesRead() {
		assertThat(Dhis2JsonReader.read(AdxReaderTests.fixture("dataValueSetJ.json")))
			.containsExactly(new Dhis2DataValue("f7n9E0hX8qk", "201201", "DiszpKrYNg8", null, null, "10", null));
		assertThat(Dhis2JsonReader.read(AdxReaderTests.fixture("dataValueSetCreateDate.json")))
			.containsExactly(new Dhis2DataValue("f7n9E0hX8qk", "201201", "DiszpKrYNg8", null, null, "20", null));
	}

	@Test
	void theSetMayGivePeriodOrgUnitAndAttributeOnceAndNumbersAsNumbers() {
		String json = """
				{"period": "2025Q2", "orgUnit": "IQG15Q05", "attributeOptionCombo": "NRC",
				 "dataValues": [{"dataElement": "SO2-TS-01", "categoryOptionCombo": "returnee", "value": 12,
				                 "comment": "ok"}]}
				""";
		assertThat(Dhis2JsonReader.read(json.getBytes(StandardCharsets.UTF_8)))
			.containsExactly(new Dhis2DataValue("SO2-TS-01", "2025Q2", "IQG15Q05", "returnee", "NRC", "12", "ok"));
	}

	@Test
	void malformedOrMisshapenJsonIsRefusedWithItsPlace() {
		assertThatThrownBy(() -> Dhis2JsonReader.read("{\n \"dataValues\": [\n {\"value\": }]}".getBytes()))
			.isInstanceOfSatisfying(Dhis2FileException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("dhis2.error.json");
				assertThat(ex.args().get(0)).isEqualTo(3);
			});
		assertThatThrownBy(() -> Dhis2JsonReader.read("[1, 2]".getBytes())).isInstanceOfSatisfying(
				Dhis2FileException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("dhis2.error.jsonShape"));
		assertThatThrownBy(() -> Dhis2JsonReader.read("{\"dataValues\": 3}".getBytes()))
			.isInstanceOf(Dhis2FileException.class);
	}

	@Test
	void csvReadsByPositionWithOrWithoutItsHeader() {
		String csv = "\uFEFFdataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,"
				+ "lastupdated,comment,followup\n"
				+ "SO2-TS-01,2025Q2,IQG15Q05,\"returnee;sex=female\",NRC,12,someone,2025-07-01,\"a, comment\",false\n"
				+ "SO2-TS-01,2025Q2,IQG15Q05,returnee,,4\n";
		List<Dhis2DataValue> values = Dhis2CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(values).containsExactly(
				new Dhis2DataValue("SO2-TS-01", "2025Q2", "IQG15Q05", "returnee;sex=female", "NRC", "12", "a, comment"),
				new Dhis2DataValue("SO2-TS-01", "2025Q2", "IQG15Q05", "returnee", null, "4", null));
		assertThat(Dhis2CsvReader.read("A,2025Q2,B,C,D,1\n".getBytes())).hasSize(1);
		assertThatThrownBy(() -> Dhis2CsvReader.read("A,2025Q2,B\n".getBytes())).isInstanceOfSatisfying(
				Dhis2FileException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("dhis2.error.csvColumns"));
		assertThatThrownBy(() -> Dhis2CsvReader.read("A,\"2025Q2,B,C,D,1\n".getBytes()))
			.isInstanceOf(Dhis2FileException.class);
	}

	@Test
	void quartersConvertAndOtherPeriodsAreNotQuarters() {
		assertThat(Dhis2Period.parse("2025Q2")).isEqualTo(new Period(2025, 2));
		assertThat(Dhis2Period.parse("2025-04-01/P3M")).isEqualTo(new Period(2025, 2));
		assertThat(Dhis2Period.adx(new Period(2025, 4))).isEqualTo("2025-10-01/P3M");
		assertThat(Dhis2Period.dhis2(new Period(2025, 4))).isEqualTo("2025Q4");
		for (String other : List.of("201201", "2015-01-01/P1M", "2025", "2025W12", "2025-05-01/P3M", "2025S1",
				"2025-04-01/P1Y")) {
			assertThatThrownBy(() -> Dhis2Period.parse(other)).as(other)
				.isInstanceOf(Dhis2Period.NotAQuarterException.class);
		}
		assertThatThrownBy(() -> Dhis2Period.parse("soon")).isInstanceOf(IllegalArgumentException.class)
			.isNotInstanceOf(Dhis2Period.NotAQuarterException.class);
	}

	@Test
	void formatsAreToldApartByTheirFirstCharacter() {
		assertThat(Dhis2Format.sniff("\uFEFF {\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Dhis2Format.JSON);
		assertThat(Dhis2Format.sniff("\n<adx/>".getBytes())).isEqualTo(Dhis2Format.ADX);
		assertThat(Dhis2Format.sniff("dataelement,period".getBytes())).isEqualTo(Dhis2Format.CSV);
		assertThat(Dhis2Format.sniff("  \n".getBytes())).isNull();
	}

}
