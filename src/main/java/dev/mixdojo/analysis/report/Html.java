package dev.mixdojo.analysis.report;

/** HTML text escaping; pure. */
public final class Html {
    private Html() {
    }

    /** The text with {@code < > & "} replaced by their entities, for element content and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The start of a self-contained page (doctype, head with the escaped title and inline style) up to the opened body. */
    public static String pageStart(String title, String style) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n";
    }
}
