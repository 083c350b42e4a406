package org.hulul.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADX documents: the samples read, the schema and the lenient mode, XXE refused.
 */
class AdxReaderTests {

	@Test
	void theSamplesRead() {
		List<Dhis2DataValue> ihe = AdxReader.read(fixture("ihe2015_adx_data_sample1.xml"), true);
		assertThat(ihe).hasSize(13);
		assertThat(ihe.get(0).attributeOptionCombo()).isEqualTo("mechanism=PEPFAR");
		assertThat(ihe.get(2).categoryOptionCombo()).isEqualTo("ageGroup=under5;sex=M");
		assertThat(ihe.get(6).attributeOptionCombo()).isEqualTo("mechanism=OTHER");
		assertThat(ihe.get(8).comment()).isEqualTo("Some qualifying text here on the datavalue");

		List<Dhis2DataValue> dhis2 = AdxReader.read(fixture("dhis2core_adx_data_sample1.xml"), true);
		assertThat(dhis2).hasSize(13);
		assertThat(dhis2.get(0))
			.isEqualTo(new Dhis2DataValue("MAL01", "2015-01-01/P1M", "342", null, "McDonalds", "32", null));
		assertThat(dhis2.get(5).categoryOptionCombo()).isEqualTo("McDonalds");
		assertThat(dhis2.get(8).comment()).isEqualTo("Some qualifying text here on the datavalue");
		assertThat(dhis2.get(8).attributeOptionCombo()).isNull();
	}

	@Test
	void aDocumentWithoutExportedIsAcceptedUnlessStrict() {
		byte[] exportB = fixture("dhis2core_exportB.adx.xml");
		List<Dhis2DataValue> values = AdxReader.read(exportB, false);
		assertThat(values).hasSize(2);
		assertThat(values.get(0)).isEqualTo(new Dhis2DataValue("MalNummmmmm", "2020-01-01/P1M", "P1233333333",
				"age=under5;sex=F", null, "1", null));
		assertThat(values.get(1).comment()).isEqualTo("Some text");
		assertThatThrownBy(() -> AdxReader.read(exportB, true)).isInstanceOfSatisfying(Dhis2FileException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("dhis2.error.adxExported"));
	}

	@Test
	void aDocumentTheSchemaRefusesIsRefusedWithItsPlace() {
		String invalid = """
				<adx xmlns="urn:ihe:qrph:adx:2015" exported="2025-07-01T00:00:00Z">
				  <group orgUnit="IQG15" period="2025-04-01/P3M">
				    <dataValue dataElement="SO2-TS-01" value="many"/>
				  </group>
				</adx>
				""";
		assertThatThrownBy(() -> AdxReader.read(invalid.getBytes(StandardCharsets.UTF_8), false))
			.isInstanceOfSatisfying(Dhis2FileException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("dhis2.error.adxSchema");
				assertThat(ex.args().get(0)).isEqualTo(3);
			});
		String noGroup = "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2025-07-01T00:00:00Z\"/>";
		assertThatThrownBy(() -> AdxReader.read(noGroup.getBytes(StandardCharsets.UTF_8), false))
			.isInstanceOfSatisfying(Dhis2FileException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("dhis2.error.adxSchema"));
	}

	@Test
	void malformedXmlSaysWhere() {
		String broken = "<adx xmlns=\"urn:ihe:qrph:adx:2015\">\n  <group orgUnit=\"x\" period=\"2025Q2\">\n</adx>";
		assertThatThrownBy(() -> AdxReader.read(broken.getBytes(StandardCharsets.UTF_8), false))
			.isInstanceOfSatisfying(Dhis2FileException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("dhis2.error.xml");
				assertThat(ex.args().get(0)).isEqualTo(3);
			});
	}

	@Test
	void externalEntitiesAndDtdsAreRefused() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE adx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<adx xmlns="urn:ihe:qrph:adx:2015" exported="2025-07-01T00:00:00Z">
				  <group orgUnit="IQG15" period="2025-04-01/P3M">
				    <dataValue dataElement="SO2-TS-01" value="1"><annotation>&secret;</annotation></dataValue>
				  </group>
				</adx>
				""";
		assertThatThrownBy(() -> AdxReader.read(xxe.getBytes(StandardCharsets.UTF_8), false)).isInstanceOfSatisfying(
				Dhis2FileException.class,
				(ex) -> assertThat(ex.messageKey()).isIn("dhis2.error.xmlDtd", "dhis2.error.xml"));
		String laughs = """
				<?xml version="1.0"?>
				<!DOCTYPE adx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
				<adx xmlns="urn:ihe:qrph:adx:2015" exported="2025-07-01T00:00:00Z"/>
				""";
		assertThatThrownBy(() -> AdxReader.read(laughs.getBytes(StandardCharsets.UTF_8), false))
			.isInstanceOf(Dhis2FileException.class);
	}

	@Test
	void whatHululWritesTheSchemaAccepts() {
		String written = Dhis2Writer.adx(List.of(
				new Dhis2Writer.AdxValue(new Dhis2DataValue("SO2-TS-01", "2025-04-01/P3M", "IQG15Q05",
						"returnee;sex=female", "NRC", "12", "a <comment> & more"), true),
				new Dhis2Writer.AdxValue(
						new Dhis2DataValue("X1", "2025-04-01/P3M", "IQG15Q05", "uid123", "NRC", "3.5", null), false)),
				"dstwg-iraq", java.time.Instant.parse("2025-07-01T10:00:00.123Z"));
		List<Dhis2DataValue> read = AdxReader.read(written.getBytes(StandardCharsets.UTF_8), true);
		assertThat(read).containsExactly(
				new Dhis2DataValue("SO2-TS-01", "2025-04-01/P3M", "IQG15Q05", "returnee;sex=female", "NRC", "12",
						"a <comment> & more"),
				new Dhis2DataValue("X1", "2025-04-01/P3M", "IQG15Q05", "uid123", "NRC", "3.5", null));
		assertThat(written).contains("populationGroup=\"returnee\"").contains("sex=\"female\"");
	}

	static byte[] fixture(String name) {
		try (InputStream in = AdxReaderTests.class.getResourceAsStream("/exchange/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
