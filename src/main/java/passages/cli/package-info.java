/**
 * The command line: arguments to config, wiring of the pipeline stages, exit codes. No pipeline
 * logic.
 */
package passages.cli;
