package org.hulul.areas;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan exported as PDF in Arabic and in English: its text is there (Arabic shaped with
 * the shipped font, read back as the letters written), and the page runs right to left in
 * Arabic, left to right in English, as the rendered first page shows (kept as
 * {@code target/plan-of-action-ar.png} and {@code -en.png} to look at).
 */
@HululIntegrationTest
class PlanPdfIntegrationTests {

	static final String PASSWORD = "pdf-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Test
	void aPlanExportsAsPdfInArabicRightToLeftAndInEnglish() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String secretariat = api.token(user(Role.SECRETARIAT), PASSWORD);
		String code = "PDF-" + UUID.randomUUID().toString().substring(0, 4);
		assertThat(api
			.post("/api/v1/areas", secretariat, Map.of("code", code, "name", "Sinjar ABC", "nameAr", "تنسيق سنجار",
					"type", "ABC", "locations", List.of("IQG15Q07", "IQG09Q02")))
			.status()).isEqualTo(201);
		long id = api
			.post("/api/v1/areas/" + code + "/plans", secretariat,
					Map.of("title", "Sinjar Plan of Action", "titleAr", "خطة عمل سنجار للحلول الدائمة"))
			.body()
			.get("id")
			.asLong();
		api.put("/api/v1/plans/" + id + "/sections/PURPOSE", secretariat, Map.of("language", "ar", "text",
				"تهدف الخطة إلى **عودة آمنة وكريمة** للنازحين.\n\n- المأوى\n- سبل العيش", "version", 0));
		api.put("/api/v1/plans/" + id + "/sections/PURPOSE", secretariat,
				Map.of("language", "en", "text", "Safe and dignified **return** for the displaced.", "version", 1));
		assertThat(api
			.post("/api/v1/plans/" + id + "/activities", secretariat,
					Map.of("objective", "SO1", "title", "Dialogues", "titleAr", "حوارات التعايش السلمي", "indicators",
							List.of("SO1-PPA-01"), "locations", List.of("IQG15Q07N03"), "targets",
							List.of(Map.of("indicator", "SO1-PPA-01", "period", "2096", "value", 12)), "lead", "IOM"))
			.status()).isEqualTo(201);

		Cookie session = this.mvc
			.perform(post("/login").with(csrf()).param("username", user(Role.VIEWER)).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		this.mvc.perform(get("/plans/" + id + ".pdf").param("language", "fr").cookie(session))
			.andExpect(status().isBadRequest());

		byte[] arabic = this.mvc.perform(get("/plans/" + id + ".pdf").param("language", "ar").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(arabic, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(arabic)) {
			String text = Normalizer.normalize(text(document), Normalizer.Form.NFKC);
			assertThat(text).contains("خطة عمل سنجار للحلول الدائمة")
				.contains("عودة آمنة وكريمة")
				.contains("حوارات التعايش السلمي")
				.contains("المأوى")
				.contains("SO1-PPA-01");
			assertThat(fonts(document)).anyMatch((f) -> f.contains("NotoSansArabic"));
			BufferedImage page = render(document, "ar");
			Ink title = ink(page, 0.06, 0.16);
			// the title and the lines above it start at the right margin
			assertThat(title.right()).isGreaterThan((int) (page.getWidth() * 0.85));
			assertThat(title.left()).isGreaterThan((int) (page.getWidth() * 0.25));
		}

		byte[] english = this.mvc.perform(get("/plans/" + id + ".pdf").param("language", "en").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(english)) {
			String text = text(document);
			assertThat(text).contains("Sinjar Plan of Action")
				.contains("Safe and dignified return")
				.contains("Dialogues")
				.contains("Markaz Sinjar");
			BufferedImage page = render(document, "en");
			Ink title = ink(page, 0.06, 0.16);
			assertThat(title.left()).isLessThan((int) (page.getWidth() * 0.15));
			assertThat(title.right()).isLessThan((int) (page.getWidth() * 0.75));
		}
	}

	/** The text of the document as read left to right, top to bottom. */
	private static String text(PDDocument document) throws java.io.IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		return stripper.getText(document);
	}

	/** The first page as an image, kept in target/ to look at. */
	private static BufferedImage render(PDDocument document, String language) throws Exception {
		BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
		Path target = Path.of("target");
		if (Files.isDirectory(target)) {
			ImageIO.write(page, "png", target.resolve("plan-of-action-" + language + ".png").toFile());
		}
		return page;
	}

	/** Where the ink lies across the page in a band of it (fractions of its height). */
	private static Ink ink(BufferedImage page, double from, double to) {
		int left = page.getWidth();
		int right = -1;
		for (int y = (int) (page.getHeight() * from); y < page.getHeight() * to; y++) {
			for (int x = 0; x < page.getWidth(); x++) {
				int rgb = page.getRGB(x, y);
				int dark = 255 - ((((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3);
				if (dark > 120) {
					left = Math.min(left, x);
					right = Math.max(right, x);
				}
			}
		}
		assertThat(right).as("ink in the band").isPositive();
		return new Ink(left, right);
	}

	private record Ink(int left, int right) {
	}

	private static List<String> fonts(PDDocument document) throws Exception {
		List<String> names = new java.util.ArrayList<>();
		for (org.apache.pdfbox.cos.COSName name : document.getPage(0).getResources().getFontNames()) {
			names.add(document.getPage(0).getResources().getFont(name).getName());
		}
		return names;
	}

	private String user(Role role) {
		String username = "pdf-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, "OCHA", false, false));
		return username;
	}

}
