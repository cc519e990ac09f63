package passages.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI as a real child process, on this test's class path, with {@code -Dpassages.home} set as
 * the {@code ./passages} launcher sets it: for what depends on the working directory or runs until
 * stopped ({@code serve}).
 */
final class ChildCli {
  private ChildCli() {}

  /**
   * Starts {@code passages ARGS} in {@code workDir} with passages' home at {@code home}; stdout is
   * piped, stderr goes to {@code stderr}.
   */
  static Process start(Path home, Path workDir, Path stderr, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    cmd.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx512m",
            "-Dpassages.home=" + home.toAbsolutePath(),
            "-cp",
            classPath(),
            "passages.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(workDir.toFile())
        .redirectError(stderr.toFile())
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  /** This JVM's class path with every entry absolute, so a child in another directory finds it. */
  private static String classPath() {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
      out.add(Path.of(entry).toAbsolutePath().toString());
    return String.join(java.io.File.pathSeparator, out);
  }
}
