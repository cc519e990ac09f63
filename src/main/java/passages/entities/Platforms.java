package passages.entities;

import java.util.Set;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * Decides, per mention, whether a social platform ({@code platforms.txt}) is named as the service
 * (a product) or as the company (an org), and makes "the Uber app" a product. Immutable,
 * thread-safe.
 */
final class Platforms {
  private final Set<String> platforms;

  Platforms(Set<String> platforms) {
    this.platforms = Set.copyOf(platforms);
  }

  /**
   * A social platform is named for the service it runs far more often than for the company ("posted
   * on Facebook", "a Twitter account", "Instagram and Snapchat aren't designed for…"), so it is a
   * product unless the words around it speak of the company: it acts or speaks ("Twitter said",
   * "Facebook banned"), its people or property follow ("a Twitter spokesperson", "Twitter's
   * software"), it is met, sued or worked at ("met Facebook", "engineers at Facebook"), or it
   * stands in a list with companies that are not platforms ("Google, Facebook and Amazon").
   */
  void retype(GazetteerExtractor.Found f) {
    Tokens t = f.t;
    for (int k = 0; k < f.out.size(); k++) {
      Entity e = f.out.get(k);
      if (e.type() != EntityType.ORG) continue;
      int from = GazetteerExtractor.tokenAt(t, e.start()),
          to = GazetteerExtractor.tokenAt(t, e.end() - 1) + 1;
      boolean app =
          to < t.size
              && t.spaceBefore[to]
              && (t.word[to].equals("app") || t.word[to].equals("apps")); // "the Uber app"
      if (!app && !platforms.contains(e.value())) continue;
      if (!app
          && to < t.size
          && t.spaceBefore[to]
          && (t.word[to].equals("Live") || t.word[to].equals("LIVE"))) {
        int end = t.end[to]; // "Facebook Live"
        f.out.set(
            k,
            new Entity(
                EntityType.PRODUCT,
                e.value() + " Live",
                t.text.substring(e.start(), end),
                e.start(),
                end));
        f.covered[to] = true;
      } else if (app || !isCompany(f, k, from, to))
        f.out.set(k, new Entity(EntityType.PRODUCT, e.value(), e.text(), e.start(), e.end()));
    }
  }

  /** Whether the platform mention {@code k}, tokens {@code [from, to)}, names the company. */
  private boolean isCompany(GazetteerExtractor.Found f, int k, int from, int to) {
    Tokens t = f.t;
    String before = from > 0 ? t.word[from - 1] : "";
    String before2 = from > 1 ? t.word[from - 2] : "";
    boolean spaced = to < t.size && t.spaceBefore[to];
    String after = spaced ? t.word[to] : "";
    String after2 = to + 1 < t.size && t.spaceBefore[to + 1] ? t.word[to + 1] : "";
    if (isServiceNoun(after)) return false; // "a Twitter account"
    if (to + 1 < t.size && t.word[to].equals("'") && !t.spaceBefore[to])
      return !isServiceNoun(after2); // "Twitter's software", not "Twitter's users"
    if (before.equals("on") && before2.equals("hearing")) return true; // "a hearing on Facebook"
    if (after.equals("and") && after2.equals("other"))
      return true; // "Facebook and other companies"
    if ((before.equals("on") || before.equals("via")) && !before2.equals("pressure"))
      return false; // "earlier on Twitter said"
    if (isCompanyNoun(after) || isCompanyVerb(after) || NameRules.isSayingVerb(after)) return true;
    if (after.endsWith("ed") && after.length() > 4 && !after2.equals("up") && !after2.equals("out"))
      return true; // "Facebook sided with", not "a TikTok popped up"
    boolean auxiliary =
        after.equals("is")
            || after.equals("was")
            || after.equals("has")
            || after.equals("had")
            || after.equals("also")
            || after.endsWith("ly") && after.length() > 3;
    if (auxiliary
        && (after2.endsWith("ing")
            || after2.endsWith("ed")
            || after2.endsWith("en")
            || isCompanyVerb(after2)
            || NameRules.isSayingVerb(after2))) return true; // "Twitter is using", "also announced"
    if (after.equals("to")
        && !before.equals("to")
        && !before.equals("on")
        && !before.equals("via")
        && !before.equals("from")) return true; // "pushes Twitter to suspend"
    if (before.equals("at") && !before2.equals("posted") && !before2.equals("posts")
        || before.equals("met")
        || before.equals("sued")
        || before.equals("against")
        || before.equals("like")
        || before.equals("giants")
        || before.equals("companies")
        || before.equals("firms")
        || before.equals("on") && before2.equals("pressure")
        || before.equals("to") && before2.equals("out") // "reached out to Twitter"
        || before.equals("of") && isCompanyOf(before2)) return true; // "critics of Facebook"
    return nextToCompany(f, k);
  }

  /** A neighbour in a list ("Google, Facebook and Amazon") is an org that is not a platform. */
  private boolean nextToCompany(GazetteerExtractor.Found f, int k) {
    for (int d = -1; d <= 1; d += 2) {
      int j = k + d;
      if (j < 0 || j >= f.out.size()) continue;
      Entity a = f.out.get(Math.min(k, j)), b = f.out.get(Math.max(k, j));
      String between = f.t.text.substring(a.end(), Math.max(a.end(), b.start())).strip();
      boolean listed =
          between.equals(",")
              || between.equals("and")
              || between.equals(", and")
              || between.equals("or")
              || between.equals(", or");
      Entity other = f.out.get(j);
      if (listed && other.type() == EntityType.ORG && !platforms.contains(other.value()))
        return true;
    }
    return false;
  }

  /** A word before "of" that makes the platform after it the company: "the CEO of Twitter". */
  private static boolean isCompanyOf(String w) {
    return switch (w) {
      case "CEO",
          "founder",
          "owner",
          "owners",
          "head",
          "shares",
          "acquisition",
          "acquisitions",
          "critical",
          "critics",
          "executives",
          "employees",
          "representatives",
          "spokesperson",
          "spokesman",
          "spokeswoman",
          "officials",
          "policies",
          "parent",
          "breakup" ->
          true;
      default -> false;
    };
  }

  /** A noun after a platform that makes it the company: "a Twitter spokesperson". */
  private static boolean isCompanyNoun(String w) {
    return switch (w) {
      case "spokesperson",
          "spokesman",
          "spokeswoman",
          "representative",
          "representatives",
          "executive",
          "executives",
          "CEO",
          "founder",
          "cofounder",
          "co",
          "employee",
          "employees",
          "staff",
          "staffers",
          "engineers",
          "moderators",
          "officials",
          "police",
          "shares",
          "stock",
          "investors",
          "headquarters",
          "head",
          "chief",
          "boss",
          "policy",
          "policies",
          "announcement",
          "lawyers",
          "algorithm",
          "algorithms",
          "board",
          "earnings",
          "revenue",
          "IPO",
          "workers",
          "subsidiary",
          "Inc",
          "Corp" ->
          true;
      default -> false;
    };
  }

  /** A verb after a platform that makes it the company acting: "Facebook banned". */
  private static boolean isCompanyVerb(String w) {
    return switch (w) {
      case "applied",
          "suspended",
          "suspends",
          "banned",
          "bans",
          "removed",
          "removes",
          "deleted",
          "deletes",
          "blocked",
          "blocks",
          "launched",
          "launches",
          "bought",
          "acquired",
          "sued",
          "declined",
          "confirmed",
          "denied",
          "updated",
          "labeled",
          "labelled",
          "flagged",
          "will",
          "would",
          "could",
          "should",
          "must",
          "did",
          "does",
          "plans",
          "agreed",
          "hired",
          "fired",
          "paid",
          "pays",
          "owns",
          "owned",
          "reported",
          "reports",
          "announced",
          "announces",
          "built",
          "builds",
          "decided",
          "decides",
          "chose",
          "wants",
          "wanted",
          "needs",
          "ramps",
          "insists",
          "acknowledged",
          "acknowledges",
          "admitted",
          "admits",
          "settled",
          "sells",
          "sold",
          "shut",
          "notified",
          "warned" ->
          true;
      default -> false;
    };
  }

  private static boolean isServiceNoun(String w) {
    return switch (w) {
      case "account",
          "accounts",
          "post",
          "posts",
          "page",
          "pages",
          "feed",
          "feeds",
          "followers",
          "video",
          "videos",
          "live",
          "user",
          "users",
          "handle",
          "message",
          "messages",
          "profile",
          "story",
          "stories",
          "channel",
          "channels",
          "group",
          "groups",
          "livestream",
          "photo",
          "photos",
          "clip",
          "clips",
          "thread",
          "threads",
          "app",
          "ad",
          "ads",
          "comment",
          "comments",
          "subscribers",
          "friends",
          "timeline",
          "bio",
          "chat",
          "chats",
          "status",
          "poll",
          "reel",
          "reels",
          "stream",
          "broadcast",
          "posting",
          "postings",
          "audience" ->
          true;
      default -> false;
    };
  }
}
