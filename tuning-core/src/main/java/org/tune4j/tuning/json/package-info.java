/**
 * A small, dependency-free JSON codec for saving specs, parameter sets, grids and results.
 *
 * <p>{@link org.tune4j.tuning.json.Json} writes maps, lists, strings, numbers, booleans and
 * {@code null} as deterministic, pretty-printed JSON and parses JSON back into
 * {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Long}, {@code Double},
 * {@code Boolean} and {@code null}. Its typed readers ({@code requireString},
 * {@code requireDouble}, {@code unknownKeys}, ...) turn a parsed tree into values with errors
 * that name the JSON path ({@code $.candidates[3].learn_rate}). Syntax errors are
 * {@link org.tune4j.tuning.json.JsonException}s with a line and column.
 */
package org.tune4j.tuning.json;
