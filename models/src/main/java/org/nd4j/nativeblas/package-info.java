/**
 * Compatibility shim only: {@link org.nd4j.nativeblas.Nd4jCpu} answers a class lookup that DL4J
 * 1.0.0-M2.1 makes against a name ND4J 1.0.0-M2.1 no longer has, so that DL4J's oneDNN layer
 * helpers can switch on. Nothing else of tune4j lives here.
 */
package org.nd4j.nativeblas;
