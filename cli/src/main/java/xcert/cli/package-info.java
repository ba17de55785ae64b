/**
 * The {@code xcert} command line. Each command parses its options, calls one public entry point of a
 * library module ({@code solvers}, {@code certificates}, {@code reductions}, {@code explainers}) and
 * prints the immutable result it returns, as a table or, with {@code --json}, as JSON;
 * {@code reproduce} runs every module's report studies and renders their reports. Nothing is computed
 * here: a bad option is reported by the library as a setting and printed here as the option's name.
 */
package xcert.cli;
