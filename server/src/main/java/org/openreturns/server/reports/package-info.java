/**
 * Reports: the headline measures of a collection per school and for the LA, as pages, PDFs, spreadsheets and API
 * answers. No other feature uses reports, so this base package has no API types; its sub-packages are its internals
 * and depend on each other in one direction only:
 * <ul>
 * <li>{@code calculations}: the figures (measures, who may see them, groups, year on year, pupil tables);</li>
 * <li>{@code charts}: the charts of a report, drawn as SVG with a text alternative;</li>
 * <li>{@code views}: each report as its page and its PDF show it, built once for both;</li>
 * <li>{@code pdf}: views rendered as accessible PDFs from the pages' own templates;</li>
 * <li>{@code web}: the entry points: {@code ...Pages} (HTML), {@code ...Downloads} (CSV, XLSX, PDF, zip) and
 * {@code ...Api} (/api/v1).</li>
 * </ul>
 */
package org.openreturns.server.reports;
