package org.hulul.platform;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Text written in Markdown (headings, lists, emphasis, links, tables of pipes are not
 * taken) as HTML for pages: raw HTML in the text is escaped and links other than http(s)
 * and mailto are dropped, so nobody's text can run script in another's browser.
 */
@Component
public class Markdown {

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	public String html(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		return this.renderer.render(this.parser.parse(text));
	}

}
