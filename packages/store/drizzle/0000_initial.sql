CREATE TABLE "annotation_items" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"queue_id" text NOT NULL,
	"trace_id" text NOT NULL,
	"span_id" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"assigned_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "annotation_items_queue_target_unique" UNIQUE("queue_id","trace_id","span_id"),
	CONSTRAINT "annotation_items_status_check" CHECK ("annotation_items"."status" in ('pending', 'in_progress', 'completed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "annotation_queues" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"label_schema_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_queues_project_name_unique" UNIQUE("project_id","name")
);
--> statement-breakpoint
CREATE TABLE "label_schemas" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'feedback' NOT NULL,
	"value_kind" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "label_schemas_project_name_unique" UNIQUE("project_id","name"),
	CONSTRAINT "label_schemas_type_check" CHECK ("label_schemas"."type" in ('feedback', 'expectation')),
	CONSTRAINT "label_schemas_value_kind_check" CHECK ("label_schemas"."value_kind" in ('boolean', 'numeric', 'categorical', 'text'))
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dataset_items" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" text NOT NULL,
	"project_id" text NOT NULL,
	"dataset_id" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"expectations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_trace_id" text,
	"created_version" integer NOT NULL,
	"deleted_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dataset_items_item_version_unique" UNIQUE("dataset_id","item_id","created_version")
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"dataset_id" text,
	"dataset_version" integer,
	"logged_model_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "evaluation_runs_status_check" CHECK ("evaluation_runs"."status" in ('pending', 'running', 'completed', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "evaluator_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"evaluator_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluator_versions_evaluator_version_unique" UNIQUE("evaluator_id","version")
);
--> statement-breakpoint
CREATE TABLE "evaluators" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logged_models" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"git_commit" text,
	"git_branch" text,
	"git_dirty" boolean,
	"source" text,
	"status" text DEFAULT 'ready' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logged_models_status_check" CHECK ("logged_models"."status" in ('pending', 'ready', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "online_eval_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"trace_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "online_eval_jobs_rule_trace_unique" UNIQUE("rule_id","trace_id"),
	CONSTRAINT "online_eval_jobs_status_check" CHECK ("online_eval_jobs"."status" in ('pending', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "online_eval_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"filter" text DEFAULT '' NOT NULL,
	"sample_rate" double precision DEFAULT 1 NOT NULL,
	"evaluator_id" text NOT NULL,
	"evaluator_version" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "online_eval_rules_project_name_unique" UNIQUE("project_id","name"),
	CONSTRAINT "online_eval_rules_sample_rate_range" CHECK ("online_eval_rules"."sample_rate" >= 0 and "online_eval_rules"."sample_rate" <= 1)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt_alias_history" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"alias" text NOT NULL,
	"version" integer,
	"previous_version" integer,
	"changed_by" text DEFAULT '' NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt_aliases" (
	"project_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_aliases_pk" PRIMARY KEY("prompt_id","name"),
	CONSTRAINT "prompt_aliases_not_reserved" CHECK ("prompt_aliases"."name" <> 'latest')
);
--> statement-breakpoint
CREATE TABLE "prompt_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"template" jsonb NOT NULL,
	"model_config" jsonb,
	"response_format" jsonb,
	"commit_message" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_versions_prompt_version_unique" UNIQUE("prompt_id","version"),
	CONSTRAINT "prompt_versions_version_positive" CHECK ("prompt_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "prompts" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "annotation_items" ADD CONSTRAINT "annotation_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_items" ADD CONSTRAINT "annotation_items_queue_id_annotation_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."annotation_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_queues" ADD CONSTRAINT "annotation_queues_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_schemas" ADD CONSTRAINT "label_schemas_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_items" ADD CONSTRAINT "dataset_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_items" ADD CONSTRAINT "dataset_items_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_logged_model_id_logged_models_id_fk" FOREIGN KEY ("logged_model_id") REFERENCES "public"."logged_models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_versions" ADD CONSTRAINT "evaluator_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_versions" ADD CONSTRAINT "evaluator_versions_evaluator_id_evaluators_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."evaluators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluators" ADD CONSTRAINT "evaluators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logged_models" ADD CONSTRAINT "logged_models_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_eval_jobs" ADD CONSTRAINT "online_eval_jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_eval_jobs" ADD CONSTRAINT "online_eval_jobs_rule_id_online_eval_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."online_eval_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_eval_rules" ADD CONSTRAINT "online_eval_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_eval_rules" ADD CONSTRAINT "online_eval_rules_evaluator_id_evaluators_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."evaluators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_alias_history" ADD CONSTRAINT "prompt_alias_history_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_alias_history" ADD CONSTRAINT "prompt_alias_history_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_aliases" ADD CONSTRAINT "prompt_aliases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_aliases" ADD CONSTRAINT "prompt_aliases_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_aliases" ADD CONSTRAINT "prompt_aliases_version_fk" FOREIGN KEY ("prompt_id","version") REFERENCES "public"."prompt_versions"("prompt_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_versions" ADD CONSTRAINT "prompt_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_versions" ADD CONSTRAINT "prompt_versions_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompts" ADD CONSTRAINT "prompts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annotation_items_project_queue_idx" ON "annotation_items" USING btree ("project_id","queue_id","status","created_at");--> statement-breakpoint
CREATE INDEX "api_keys_project_idx" ON "api_keys" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_unique" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "dataset_items_project_dataset_idx" ON "dataset_items" USING btree ("project_id","dataset_id","created_version");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_items_live_unique" ON "dataset_items" USING btree ("dataset_id","item_id") WHERE "dataset_items"."deleted_version" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_project_name_unique" ON "datasets" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "evaluation_runs_project_created_idx" ON "evaluation_runs" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_runs_project_model_idx" ON "evaluation_runs" USING btree ("project_id","logged_model_id");--> statement-breakpoint
CREATE INDEX "evaluation_runs_project_dataset_idx" ON "evaluation_runs" USING btree ("project_id","dataset_id");--> statement-breakpoint
CREATE INDEX "evaluator_versions_project_created_idx" ON "evaluator_versions" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluators_project_name_unique" ON "evaluators" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "logged_models_project_created_idx" ON "logged_models" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "logged_models_project_name_idx" ON "logged_models" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "online_eval_jobs_project_rule_idx" ON "online_eval_jobs" USING btree ("project_id","rule_id","created_at");--> statement-breakpoint
CREATE INDEX "online_eval_jobs_claim_idx" ON "online_eval_jobs" USING btree ("available_at") WHERE "online_eval_jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "online_eval_jobs_lease_idx" ON "online_eval_jobs" USING btree ("locked_until") WHERE "online_eval_jobs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "projects_name_unique" ON "projects" USING btree ("name");--> statement-breakpoint
CREATE INDEX "prompt_alias_history_project_prompt_idx" ON "prompt_alias_history" USING btree ("project_id","prompt_id","alias","changed_at");--> statement-breakpoint
CREATE INDEX "prompt_aliases_project_prompt_idx" ON "prompt_aliases" USING btree ("project_id","prompt_id");--> statement-breakpoint
CREATE INDEX "prompt_versions_project_created_idx" ON "prompt_versions" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "prompts_project_name_unique" ON "prompts" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));