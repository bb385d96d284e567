package cn.govshare;

/**
 * Engine jobs a feature keeps on record in its own rows from their creation to their end: their job log holds only
 * what they did when they ran (success, failure), not that they were created or deleted ({@link LeanHistory},
 * issue 25).
 */
public interface RecordedJobs {

  boolean recorded(String jobHandlerType);
}
