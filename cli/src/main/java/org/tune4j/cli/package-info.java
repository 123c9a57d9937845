/** The {@code tune4j} command line: {@link org.tune4j.cli.Main} and its exit codes. */
package org.tune4j.cli;
