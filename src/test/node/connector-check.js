/*
 * Copyright (c) 2026 Tuya Intercom binding contributors
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
'use strict';

// Drives the simulated Tuya cloud with Tuya's official Node connector, as its users call it: the token, device status
// (v1.0 and iot-03), the device (iot-03), commands (v1.0 and iot-03) and, after the test made the access token
// expire, the connector's own token refresh and the retry. Run by NodeConnectorTest; prints one line per HTTP
// exchange ("call {json}": method, path, success, code, msg; never a token) and waits on standard input between the
// two phases. A CA file for HTTPS comes from NODE_EXTRA_CA_CERTS, which node reads itself.

const readline = require('readline');
const axios = require('axios');
const { TuyaContext } = require('@tuya/tuya-connector-nodejs');

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set`);
  }
  return value;
};

const deviceId = env('TUYA_DEVICE_ID');
const commandCode = env('TUYA_COMMAND_CODE');
const commandValue = JSON.parse(env('TUYA_COMMAND_VALUE'));

// the path only: the refresh token in the path of a refresh is a secret
const pathOf = (url) => new URL(url).pathname.replace(/^\/v1\.0\/token\/.+$/, '/v1.0/token/{refresh_token}');

const rpc = axios.create({ timeout: 10000 });
rpc.interceptors.response.use(
  (response) => {
    const data = response.data || {};
    console.log('call ' + JSON.stringify({
      method: String(response.config.method).toUpperCase(),
      path: pathOf(response.config.url),
      status: response.status,
      success: data.success === true,
      code: data.code === undefined ? null : data.code,
      msg: data.msg === undefined ? null : data.msg,
    }));
    return response;
  },
  (error) => {
    const config = error.config || {};
    console.log('call ' + JSON.stringify({
      method: String(config.method).toUpperCase(),
      path: config.url ? pathOf(config.url) : null,
      status: error.response ? error.response.status : null,
      success: false,
      code: null,
      msg: error.code || 'HTTP error',
    }));
    return Promise.reject(new Error(`HTTP ${error.response ? error.response.status : error.code}`));
  });

const tuya = new TuyaContext({
  baseUrl: env('TUYA_BASE_URL'),
  accessKey: env('TUYA_ACCESS_ID'),
  secretKey: env('TUYA_ACCESS_SECRET'),
  rpc,
});

const nextLine = (timeoutMs) => new Promise((resolve, reject) => {
  const lines = readline.createInterface({ input: process.stdin });
  const timer = setTimeout(() => {
    lines.close();
    reject(new Error(`no go-ahead on standard input within ${timeoutMs} ms`));
  }, timeoutMs);
  lines.once('line', (line) => {
    clearTimeout(timer);
    lines.close();
    resolve(line);
  });
});

async function main() {
  const commands = { commands: [{ code: commandCode, value: commandValue }] };
  await tuya.request({ path: `/v1.0/devices/${deviceId}/status`, method: 'GET' });
  await tuya.device.detail({ device_id: deviceId });
  await tuya.deviceStatus.status({ device_id: deviceId });
  await tuya.request({ path: `/v1.0/devices/${deviceId}/commands`, method: 'POST', body: commands });
  // (the connector's deviceFunction.command() sends a GET without the commands, so it is asked directly)
  await tuya.request({ path: `/v1.0/iot-03/devices/${deviceId}/commands`, method: 'POST', body: commands });

  console.log('phase expire-access-token');
  await nextLine(30000);
  // answered 1010: the connector refreshes its token and asks once more
  await tuya.request({ path: `/v1.0/devices/${deviceId}/status`, method: 'GET' });
  console.log('done');
}

main().then(() => process.exit(0), (error) => {
  console.log('error ' + (error && error.message ? error.message : String(error)));
  process.exit(1);
});
