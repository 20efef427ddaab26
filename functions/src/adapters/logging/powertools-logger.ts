import { Logger as PowertoolsLogger } from "@aws-lambda-powertools/logger";
import type { Context } from "aws-lambda";
import type { LogFields, Logger } from "../../ports/logger.js";

export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";

/** The process's logs through Powertools Logger: level, time, service, and the Lambda context once one is given. */
export class PowertoolsLogs implements Logger {
  private readonly logger: PowertoolsLogger;

  constructor(options: { serviceName: string; logLevel: LogLevel }) {
    this.logger = new PowertoolsLogger({ serviceName: options.serviceName, logLevel: options.logLevel });
  }

  /** Adds the function name, request id and cold start flag of the current invocation to every line after it. */
  useLambdaContext(context: Context): void {
    this.logger.addContext(context);
  }

  info(message: string, fields: LogFields = {}): void {
    this.logger.info(message, fields);
  }

  warn(message: string, fields: LogFields = {}): void {
    this.logger.warn(message, fields);
  }

  error(message: string, fields: LogFields = {}): void {
    this.logger.error(message, fields);
  }
}
