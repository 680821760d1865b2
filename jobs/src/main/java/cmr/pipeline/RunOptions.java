package cmr.pipeline;

/**
 * What a run of the nightly pipeline is asked to do beyond computing the tables.
 *
 * @param forcePublish override the coefficient drift check
 * @param noPublish    train coefficients but publish nothing
 * @param trainAndExport train, publish and export (false for the inner dates of a backfill)
 */
public record RunOptions(boolean forcePublish, boolean noPublish, boolean trainAndExport) {
  public static RunOptions defaults() {
    return new RunOptions(false, false, true);
  }

  public RunOptions withTrainAndExport(boolean v) {
    return new RunOptions(forcePublish, noPublish, v);
  }
}
