package org.hulul.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Documents as PDF (a plan of action, a meeting's agenda and minutes): a Thymeleaf
 * template written as XHTML, set by openhtmltopdf with the fonts shipped in
 * {@code /fonts} (Noto Sans, Noto Sans Arabic), Arabic and Kurdish shaped and laid out
 * right to left by ICU, the messages in the document's language.
 */
@Component
public class PdfDocuments {

	private static final Pattern HARAKAT = Pattern.compile("[\\u064B-\\u0652]");

	private final ITemplateEngine templates;

	private final ApplicationContext context;

	PdfDocuments(ITemplateEngine templates, ApplicationContext context) {
		this.templates = templates;
		this.context = context;
	}

	/**
	 * The template rendered with the variables, in the locale, as a PDF; the template
	 * gets {@code language} and {@code rtl} too.
	 */
	public byte[] render(String template, Map<String, Object> variables, Locale locale) {
		boolean rtl = LocalizedText.isRightToLeft(locale);
		Context context = new Context(locale);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		variables.forEach(context::setVariable);
		context.setVariable("language", locale.getLanguage());
		context.setVariable("rtl", rtl);
		String page = withoutHarakat(this.templates.process(template, context));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode()
				.withHtmlContent(page, null)
				.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
				.useUnicodeBidiReorderer(new ICUBidiReorderer())
				.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(locale))
				.defaultTextDirection(
						rtl ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR)
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

	private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
		builder.useFont(() -> open(file), family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
	}

	private static InputStream open(String file) {
		InputStream font = PdfDocuments.class.getResourceAsStream("/fonts/" + file);
		if (font == null) {
			throw new IllegalStateException("The font " + file + " is not in the application");
		}
		return font;
	}

}
