package org.hulul.areas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.Markdown;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A Plan of Action as a PDF, in English or in Arabic: the same page as the web's (steps,
 * the authorities' input, the activities and their progress, the ten sections) laid out
 * as XHTML by a template and set by openhtmltopdf with the fonts shipped in
 * {@code /fonts}, Arabic shaped and ordered right to left by ICU.
 */
@Component
class PlanPdf {

	/** The languages a plan is written and exported in. */
	static final List<String> LANGUAGES = List.of("en", "ar");

	private final ITemplateEngine templates;

	private final ApplicationContext context;

	private final Plans plans;

	private final Activities activities;

	private final Markdown markdown;

	PlanPdf(ITemplateEngine templates, ApplicationContext context, Plans plans, Activities activities,
			Markdown markdown) {
		this.templates = templates;
		this.context = context;
		this.plans = plans;
		this.activities = activities;
		this.markdown = markdown;
	}

	/**
	 * The plan as a PDF in the language ("en" or "ar"), its progress as {@code me} sees
	 * it.
	 */
	byte[] render(HululPrincipal me, long id, String language, Map<String, String> indicatorNames,
			Map<Long, String> activityPlaces) {
		Plan plan = this.plans.get(id);
		Locale locale = Locale.forLanguageTag(language);
		Map<String, String> html = new LinkedHashMap<>();
		for (PlanSection section : PlanSection.values()) {
			html.put(section.name(), this.markdown.html(plan.section(section, language)));
		}
		Context variables = new Context(locale);
		variables.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		variables.setVariable("plan", plan);
		variables.setVariable("area", this.plans.area(plan));
		variables.setVariable("language", language);
		variables.setVariable("today", this.plans.today().toString());
		variables.setVariable("rtl", "ar".equals(language));
		variables.setVariable("sections", PlanSection.values());
		variables.setVariable("html", html);
		variables.setVariable("progress", this.activities.progress(me, id));
		variables.setVariable("indicatorNames", indicatorNames);
		variables.setVariable("activityPlaces", activityPlaces);
		String page = withoutHarakat(this.templates.process("areas/plan-pdf", variables));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode()
				.withHtmlContent(page, null)
				.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
				.useUnicodeBidiReorderer(new ICUBidiReorderer())
				.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(locale))
				.defaultTextDirection("ar".equals(language) ? BaseRendererBuilder.TextDirection.RTL
						: BaseRendererBuilder.TextDirection.LTR)
				.toStream(out);
			font(builder, "NotoSans-Regular.ttf", "Noto Sans", 400);
			font(builder, "NotoSans-Bold.ttf", "Noto Sans", 700);
			font(builder, "NotoSansArabic-Regular.ttf", "Noto Sans Arabic", 400);
			font(builder, "NotoSansArabic-Bold.ttf", "Noto Sans Arabic", 700);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The text without Arabic short vowels and shadda (U+064B–U+0652): the renderer
	 * places glyphs without OpenType mark positioning, so a mark would stand beside its
	 * letter instead of over it; Arabic prose reads as well without them.
	 */
	static String withoutHarakat(String text) {
		return HARAKAT.matcher(text).replaceAll("");
	}

	private static final java.util.regex.Pattern HARAKAT = java.util.regex.Pattern.compile("[\u064B-\u0652]");

	private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
		builder.useFont(() -> open(file), family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
	}

	private static InputStream open(String file) {
		InputStream font = PlanPdf.class.getResourceAsStream("/fonts/" + file);
		if (font == null) {
			throw new IllegalStateException("The font " + file + " is not in the application");
		}
		return font;
	}

}
