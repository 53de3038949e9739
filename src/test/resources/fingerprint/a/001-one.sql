--liquibase formatted sql
--changeset t:1
CREATE TABLE one (id INT);
