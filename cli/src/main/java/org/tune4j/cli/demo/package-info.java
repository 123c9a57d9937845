/** {@code tune4j demo}: the kerasnip transfer-learning vignette on the embedded sample. */
package org.tune4j.cli.demo;
