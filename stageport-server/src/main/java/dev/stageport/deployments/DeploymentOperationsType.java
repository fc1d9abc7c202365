package dev.stageport.deployments;

/** The ODC DeploymentOperationsType enum. */
public enum DeploymentOperationsType { Deploy, Undeploy, ApplyConfigs }
