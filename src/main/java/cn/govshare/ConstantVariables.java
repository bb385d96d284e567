package cn.govshare;

/**
 * Variables a feature sets once from its own rows and never changes: display copies for the forms, Tasklist's
 * columns. Their value stays in {@code ACT_HI_VARINST}, so their creation writes no {@code ACT_HI_DETAIL} row
 * ({@link ConstantVariablesHistory}, issue 25); a later change, through whatever door, is still written there.
 */
public interface ConstantVariables {

  boolean constant(String processDefinitionKey, String variableName);
}
