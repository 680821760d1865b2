package cmr.coefficients;

import cmr.errors.Errors;
import cmr.loader.Coefficients;
import cmr.loader.CoefficientsException;
import cmr.loader.CoefficientsLoader;
import cmr.loader.Manifest;
import cmr.loader.PublishedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations on the published folder that need no Spark: list the versions kept, and roll {@code
 * LATEST} back (or forward) to one of them after verifying it completely with the loader.
 */
public final class PublishedVersions {
  private final PublishedFolder folder;

  public PublishedVersions(Path publishedDir) {
    this.folder = new PublishedFolder(publishedDir);
  }

  /** Points LATEST at {@code version} if it verifies; returns a one-line description. */
  public String rollback(String version) {
    Coefficients c;
    try {
      c = CoefficientsLoader.loadVersion(folder.dir(), version);
    } catch (CoefficientsException e) {
      throw Errors.publication(e.check(), "cannot roll back to " + version + ": " + e.reason());
    }
    String before = folder.live().orElse("none");
    folder.switchLatest(version);
    return "LATEST now names "
        + version
        + " (run date "
        + c.manifest().runDate()
        + ", "
        + c.campaignCount()
        + " campaigns); it named "
        + before;
  }

  /** One line per version, oldest first; the live one is marked with '*'. */
  public List<String> list() {
    List<String> out = new ArrayList<>();
    String live = folder.live().orElse(null);
    for (String v : folder.versions()) {
      String info;
      try {
        Manifest m =
            Manifest.parse(Files.readString(folder.dir().resolve(v).resolve("manifest.json")));
        info =
            "run_date "
                + m.runDate()
                + ", "
                + m.files().get("campaigns.csv").rows()
                + " campaigns, "
                + m.files().get("channels.csv").rows()
                + " channel rows, previous "
                + m.previousVersion();
      } catch (IOException | CoefficientsException e) {
        info = "unreadable manifest: " + e.getMessage();
      }
      out.add((v.equals(live) ? "* " : "  ") + v + "  " + info);
    }
    return out;
  }
}
