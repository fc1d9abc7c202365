package dev.stageport.home;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The root answers where to go instead of a 404: a small page for a browser (which asks
 * for text/html), JSON for everything else, so curl and API clients get data.
 */
@RestController
class HomeController {

    @GetMapping("/")
    ResponseEntity<?> home(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Home home = Home.of();
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                    .body(page(home));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(home);
    }

    private static String page(Home home) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Stageport</title>"
                + "</head><body style=\"font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em\">"
                + "<h1>Stageport</h1><p>" + HtmlUtils.htmlEscape(home.description()) + "</p><ul>");
        for (Home.Link link : home.links()) {
            html.append("<li><a href=\"").append(HtmlUtils.htmlEscape(link.href())).append("\">")
                    .append(HtmlUtils.htmlEscape(link.href())).append("</a>: ")
                    .append(HtmlUtils.htmlEscape(link.title())).append("</li>");
        }
        return html.append("</ul><p>Guides: README.md and the docs/ folder of the Stageport repository.</p>"
                + "</body></html>").toString();
    }
}
