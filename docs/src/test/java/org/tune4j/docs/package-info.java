/** Tests that keep the documentation true: Markdown Java samples are compiled and run. */
package org.tune4j.docs;
