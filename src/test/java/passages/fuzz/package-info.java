/**
 * Jazzer fuzz tests of the code that takes untrusted input. Under {@code mvn test} each replays its
 * committed seed inputs ({@code src/test/resources/passages/fuzz/<Test>Inputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} one target at a time explores with libFuzzer, e.g. {@code JAZZER_FUZZ=1 mvn
 * -B test -Dtest=TextCleanerFuzzTest}. A crash is saved next to the seeds and then replays as a
 * regression test.
 */
package passages.fuzz;
