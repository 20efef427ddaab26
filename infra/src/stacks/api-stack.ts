import { functionSecrets } from "@motcua/functions/config/function-secrets";
import { notifyStreamFilterPatterns } from "@motcua/functions/adapters/dynamodb/notify-stream";
import { httpRoutes, unmatchedRouteFunction } from "@motcua/functions/handlers/routes";
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { CorsHttpMethod, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IAlarmAction, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { HouseFunction } from "../constructs/house-function.js";
import { functionCatalogue, type FunctionCatalogue, type FunctionName, type FunctionSpec } from "../function-catalogue.js";
import type { SecretName } from "../secret-catalogue.js";
import type { StageSettings } from "../stage.js";

export interface ApiStackProps extends StackProps {
  settings: StageSettings;
  table: ITable;
  secrets: Record<SecretName, ISecret>;
  /** Tests pass a catalogue with the pending functions enabled; the app uses the real one. */
  catalogue?: FunctionCatalogue;
  routes?: typeof httpRoutes;
}

/** Stream settings of the notify function (DESIGN.md §8). */
export const outboxStreamSettings = {
  batchSize: 25,
  retryAttempts: 5,
  maxRecordAge: Duration.hours(6),
  maxBatchingWindow: Duration.seconds(1),
} as const;

/** The stateless part: functions, HTTP API, the outbox stream consumer, schedules, alarms. */
export class ApiStack extends Stack {
  readonly functions: Partial<Record<FunctionName, HouseFunction>> = {};
  readonly httpApi: HttpApi;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings, table } = props;
    const catalogue = props.catalogue ?? functionCatalogue;
    const routes = props.routes ?? httpRoutes;

    this.alarmTopic = new Topic(this, "Alarms", { displayName: `Một cửa trên Zalo (${settings.stage}) alarms` });
    if (settings.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(settings.alarmEmail));
    const alarmAction = new SnsAction(this.alarmTopic);

    for (const [name, spec] of Object.entries(catalogue) as [FunctionName, FunctionSpec][]) {
      if ([...spec.secrets].sort().join() !== [...functionSecrets[name]].sort().join()) {
        throw new Error(`the secrets of function ${name} must be those its config loads (functions/src/config/function-secrets.ts)`);
      }
      const fn = new HouseFunction(this, functionId(name), {
        entry: spec.entry,
        description: spec.description,
        environment: {
          TABLE_NAME: table.tableName,
          MINI_APP_ID: settings.miniAppId,
          ZALO_APP_ID: settings.zaloAppId,
          ZALO_OA_ID: settings.zaloOaId,
          ...(settings.firstAdminZaloAppUserId ? { FIRST_ADMIN_ZALO_APP_USER_ID: settings.firstAdminZaloAppUserId } : {}),
        },
        secrets: Object.fromEntries(spec.secrets.map((secret) => [secret, props.secrets[secret]])),
        timeout: Duration.seconds(spec.timeoutSeconds),
        memorySize: spec.memoryMb,
        logRetention: settings.logRetention,
        removalPolicy: settings.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      grantTable(fn, table, spec);
      this.functions[name] = fn;
      alarmOn(this, `${functionId(name)}Errors`, alarmAction, fn.metricErrors({ period: Duration.minutes(5) }), 1);
      alarmOn(this, `${functionId(name)}Throttles`, alarmAction, fn.metricThrottles({ period: Duration.minutes(5) }), 1);
      if (spec.trigger.kind === "schedule") {
        new Rule(this, `${functionId(name)}Schedule`, {
          schedule: Schedule.expression(spec.trigger.expression),
          targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
        });
      }
      if (spec.trigger.kind === "outbox-stream") this.consumeOutbox(fn, table, alarmAction);
    }

    const accessLogs = new LogGroup(this, "ApiAccessLogs", {
      retention: settings.logRetention,
      removalPolicy: settings.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.httpApi = new HttpApi(this, "HttpApi", {
      apiName: `motcua-${settings.stage}`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: settings.corsOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
        allowHeaders: ["authorization", "content-type"],
        // The Mini App reads how long to wait after a 429, and the CSV export's file name.
        exposeHeaders: ["retry-after", "content-disposition"],
        maxAge: Duration.hours(1),
      },
    });
    new HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: settings.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            ip: "$context.identity.sourceIp",
            routeKey: "$context.routeKey",
            status: "$context.status",
            latencyMs: "$context.responseLatency",
            integrationError: "$context.integrationErrorMessage",
          }),
        ),
      },
    });

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of routes) {
      const fn = this.functions[route.functionName];
      if (!fn) throw new Error(`route ${route.routeKey} needs function ${route.functionName}, which the catalogue does not have`);
      let integration = integrations.get(route.functionName);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${functionId(route.functionName)}Integration`, fn);
        integrations.set(route.functionName, integration);
      }
      const [method, path] = route.routeKey.split(" ") as [keyof typeof HttpMethod, string];
      this.httpApi.addRoutes({ path, methods: [HttpMethod[method]], integration });
    }
    // Unmatched requests get the product's 404 error envelope rather than API Gateway's `{"message":"Not Found"}`.
    const fallback = integrations.get(unmatchedRouteFunction);
    if (fallback) new HttpRoute(this, "DefaultRoute", { httpApi: this.httpApi, routeKey: HttpRouteKey.DEFAULT, integration: fallback });

    const serverErrorRate = new MathExpression({
      expression: "IF(requests >= 20, 100 * errors / requests, 0)",
      usingMetrics: {
        errors: this.httpApi.metricServerError({ period: Duration.minutes(5) }),
        requests: this.httpApi.metricCount({ period: Duration.minutes(5) }),
      },
      label: "5xx rate (%)",
      period: Duration.minutes(5),
    });
    alarmOn(this, "Api5xxRate", alarmAction, serverErrorRate, 1, "more than 1% of API requests answered 5xx");

    new CfnOutput(this, "ApiUrl", { value: this.httpApi.apiEndpoint, description: "VITE_API_URL of the Mini App" });
    new CfnOutput(this, "ZaloWebhookUrl", {
      value: `${this.httpApi.apiEndpoint}/v1/zalo/webhook`,
      description: "The OA webhook URL to register in Zalo's OA console",
    });
    new CfnOutput(this, "AlarmTopicArn", { value: this.alarmTopic.topicArn });
  }

  private consumeOutbox(fn: HouseFunction, table: ITable, alarmAction: IAlarmAction) {
    const deadLetters = new Queue(this, "NotifyDeadLetters", {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    // Items that exhaust their own retries inside notify go to the same queue as batches the mapping gives up on.
    fn.addEnvironment("NOTIFY_DLQ_URL", deadLetters.queueUrl);
    deadLetters.grantSendMessages(fn);
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: outboxStreamSettings.batchSize,
        maxBatchingWindow: outboxStreamSettings.maxBatchingWindow,
        bisectBatchOnError: true,
        retryAttempts: outboxStreamSettings.retryAttempts,
        maxRecordAge: outboxStreamSettings.maxRecordAge,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
        // New outbox items, items made due again (woken, retried by staff) and running fan-out jobs; never the notify
        // function's own state writes (functions/src/adapters/dynamodb/notify-stream.ts; the local poller applies them too).
        filters: notifyStreamFilterPatterns.map((pattern) => FilterCriteria.filter(pattern)),
      }),
    );
    alarmOn(
      this,
      "NotifyDeadLetterDepth",
      alarmAction,
      deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      1,
      "outbox batches that exhausted their retries",
    );
    alarmOn(
      this,
      "NotifyIteratorAge",
      alarmAction,
      fn.metric("IteratorAge", { statistic: "Maximum", period: Duration.minutes(5) }),
      Duration.minutes(5).toMilliseconds(),
      "notify is more than 5 minutes behind the table's stream",
    );
  }
}

function functionId(name: FunctionName): string {
  return name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()) + "Function";
}

function grantTable(fn: HouseFunction, table: ITable, spec: FunctionSpec) {
  if (spec.tableActions.length > 0) {
    fn.addToRolePolicy(new PolicyStatement({ actions: [...spec.tableActions], resources: [table.tableArn] }));
  }
  if (spec.queriedIndexes.length > 0) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ["dynamodb:Query"],
        resources: spec.queriedIndexes.map((index) => `${table.tableArn}/index/${index}`),
      }),
    );
  }
}

function alarmOn(
  scope: Construct,
  id: string,
  action: IAlarmAction,
  metric: IMetric,
  threshold: number,
  description?: string,
) {
  const alarm = new Alarm(scope, id, {
    metric,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    ...(description ? { alarmDescription: description } : {}),
  });
  alarm.addAlarmAction(action);
  return alarm;
}
