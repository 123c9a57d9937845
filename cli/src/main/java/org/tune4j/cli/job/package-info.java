/**
 * Job files: the YAML or JSON text a user writes to describe a tuning run ({@link
 * org.tune4j.cli.job.JobReader}), the validated {@link org.tune4j.cli.job.Job} it becomes, the data
 * sources it names, and {@code tune4j init}'s commented example.
 */
package org.tune4j.cli.job;
