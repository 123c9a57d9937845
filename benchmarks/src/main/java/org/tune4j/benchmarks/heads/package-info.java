/** Head training throughput: the fast trainer for 1, 27 and 135 heads at once against DL4J's fit. */
package org.tune4j.benchmarks.heads;
