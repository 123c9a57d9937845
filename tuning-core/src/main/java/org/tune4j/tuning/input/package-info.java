/**
 * The caller's input mistakes as a type: {@link org.tune4j.tuning.input.BadInputException} (a wrong
 * option, job value, data folder or saved file, whose message names the value and the fix) and
 * {@link org.tune4j.tuning.input.Inputs#check}, which turns the {@link IllegalArgumentException}s of
 * an input-checking step into it. Any module may throw {@code BadInputException}; a command-line
 * front end maps it to "bad input" and every other exception to "internal error".
 */
package org.tune4j.tuning.input;
