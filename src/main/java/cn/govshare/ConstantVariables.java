package cn.govshare;

/**
 * Variables a feature sets once from its own rows and never changes: display copies for the forms, Tasklist's
 * columns. Their values are the feature's own rows, so their creation writes no history row
 * ({@link LeanHistory}, issue 25); a later change, through whatever door, is still written there.
 */
public interface ConstantVariables {

  boolean constant(String processDefinitionKey, String variableName);
}
