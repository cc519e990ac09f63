package passages.cli;

/** Placeholder. */
public final class Main {
  public static void main(String[] args) {}
}
